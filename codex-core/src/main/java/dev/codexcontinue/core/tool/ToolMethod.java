package dev.codexcontinue.core.tool;

import dev.codexcontinue.api.ToolPermission;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method as a tool; {@link Tools#fromAnnotated(Object)} turns each such method into
 * a {@link dev.codexcontinue.api.Tool} whose schema comes from the method's parameters.
 *
 * <pre>{@code
 * final class Weather {
 *   @ToolMethod("Returns the temperature in a city, in degrees Celsius")
 *   public double temperature(@ToolParam("the city's name") String city) { ... }
 * }
 * List<Tool> tools = Tools.fromAnnotated(new Weather());
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ToolMethod {
  /** Returns the tool's name; empty means the method's name. */
  String name() default "";

  /** Returns what the tool does and when to use it, as the model will read it. */
  String value();

  /**
   * Returns the permission when the policy has no rule for this tool. {@code ALLOW} by default: the
   * application wrote this tool itself.
   */
  ToolPermission permission() default ToolPermission.ALLOW;
}
