package dev.codexcontinue.core.tool.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.exception.ToolArgumentException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;

/**
 * RELIABILITY 21 and 34: any raw argument text either yields an object that satisfies the schema or
 * fails with {@link ToolArgumentException}; nothing else escapes the parse-and-validate entry
 * point. Runs its committed seeds ({@code ArgumentReaderFuzzTestInputs/}) in every build.
 */
@Tag("fuzz")
final class ArgumentReaderFuzzTest {
  /** A schema that uses every keyword the validator applies, so fuzzing reaches all of them. */
  private static final SchemaValidator SCHEMA =
      SchemaValidator.compile(
          ("{'type':'object','additionalProperties':false,'required':['path'],"
                  + "'$defs':{'node':{'type':['object','null'],'properties':{"
                  + "'next':{'$ref':'#/$defs/node'},'v':{'type':'integer','minimum':0}}}},"
                  + "'properties':{"
                  + "'path':{'type':'string','minLength':1,'maxLength':256,'pattern':'^[^\\\\u0000]*$'},"
                  + "'mode':{'enum':['r','w',1]},"
                  + "'count':{'type':'integer','minimum':0,'exclusiveMaximum':1000,'multipleOf':2},"
                  + "'ratio':{'type':'number','exclusiveMinimum':0,'maximum':1},"
                  + "'flag':{'const':true},"
                  + "'tags':{'type':'array','items':{'type':'string','maxLength':8},"
                  + "'minItems':1,'maxItems':5,'uniqueItems':true},"
                  + "'pair':{'prefixItems':[{'type':'string'},{'type':'number'}]},"
                  + "'extra':{'type':'object','patternProperties':{'^x-':{'type':'string'}},"
                  + "'additionalProperties':{'type':'boolean'},'maxProperties':3},"
                  + "'choice':{'oneOf':[{'type':'string'},{'type':'integer'}]},"
                  + "'either':{'anyOf':[{'type':'null'},{'allOf':[{'minimum':1},{'not':{'const':2}}]}]},"
                  + "'tree':{'$ref':'#/$defs/node'}}}")
              .replace('\'', '"'));

  @FuzzTest
  void read_anyText_onlyToolArgumentExceptionEscapes(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    try {
      ObjectNode arguments = ArgumentReader.read("fuzz", text, SCHEMA);
      assertThat(SCHEMA.validate(arguments)).isEmpty();
      assertThat(arguments.get("path").isTextual()).isTrue();
    } catch (ToolArgumentException e) {
      assertThat(e.violations()).isNotEmpty();
      assertThat(e.toolName()).isEqualTo("fuzz");
    }
  }
}
