package dev.codexcontinue.core.tool;

import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * Derives JSON Schemas from Java types for {@link Tools#fromAnnotated}. Types it cannot map fail
 * here, when the tool is declared, instead of when the model first calls it.
 */
final class TypeSchemas {
  private static final Set<Class<?>> INTEGERS =
      Set.of(
          int.class,
          Integer.class,
          long.class,
          Long.class,
          short.class,
          Short.class,
          byte.class,
          Byte.class,
          BigInteger.class);
  private static final Set<Class<?>> NUMBERS =
      Set.of(double.class, Double.class, float.class, Float.class, BigDecimal.class);

  private final String where;
  private final Set<Class<?>> visiting = new HashSet<>();

  private TypeSchemas(String where) {
    this.where = where;
  }

  /**
   * Returns the schema of {@code type}; {@code where} names the parameter in error messages.
   *
   * @throws IllegalArgumentException when the type is not supported
   */
  static JsonSchema of(Type type, String where) {
    return new TypeSchemas(where).schema(type);
  }

  private JsonSchema schema(Type type) {
    if (type instanceof Class<?> c) {
      return classSchema(c);
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      Type[] args = p.getActualTypeArguments();
      if (List.class.equals(raw) || Collection.class.equals(raw)) {
        return JsonSchema.array(schema(args[0]));
      }
      if (Set.class.equals(raw)) {
        return JsonSchema.array(schema(args[0])).uniqueItems();
      }
      if (Map.class.equals(raw)) {
        if (!String.class.equals(args[0])) {
          throw unsupported(type, "map keys must be String");
        }
        return isAnything(args[1])
            ? JsonSchema.object().additionalProperties(true)
            : JsonSchema.object().additionalProperties(schema(args[1]));
      }
    }
    if (type instanceof GenericArrayType array) {
      return JsonSchema.array(schema(array.getGenericComponentType()));
    }
    throw unsupported(type, null);
  }

  private JsonSchema classSchema(Class<?> c) {
    if (String.class.equals(c)) {
      return JsonSchema.string();
    }
    if (INTEGERS.contains(c)) {
      return JsonSchema.integer();
    }
    if (NUMBERS.contains(c)) {
      return JsonSchema.number();
    }
    if (boolean.class.equals(c) || Boolean.class.equals(c)) {
      return JsonSchema.bool();
    }
    if (c.isEnum()) {
      return JsonSchema.enumOf(
          Arrays.stream(c.getEnumConstants())
              .map(e -> ((Enum<?>) e).name())
              .toArray(String[]::new));
    }
    if (c.isArray()
        && !c.getComponentType().equals(char.class)
        && !c.getComponentType().equals(byte.class)) {
      return JsonSchema.array(schema(c.getComponentType()));
    }
    if (c.isRecord()) {
      return recordSchema(c);
    }
    if (List.class.equals(c) || Set.class.equals(c) || Map.class.equals(c)) {
      throw unsupported(c, "declare its type arguments, as in List<String>");
    }
    throw unsupported(c, null);
  }

  private JsonSchema recordSchema(Class<?> record) {
    if (!visiting.add(record)) {
      throw unsupported(record, "recursive records are not supported");
    }
    RecordComponent[] components = record.getRecordComponents();
    Parameter[] parameters = canonicalConstructor(record, components).getParameters();
    JsonSchema schema = JsonSchema.object();
    List<String> required = new ArrayList<>();
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      ToolParam param = parameters[i].getAnnotation(ToolParam.class);
      if (param != null && !param.name().isEmpty()) {
        throw new IllegalArgumentException(
            where
                + ": record component "
                + record.getSimpleName()
                + "."
                + component.getName()
                + " cannot be renamed with @ToolParam(name)");
      }
      JsonSchema componentSchema = schema(component.getGenericType());
      if (param != null && !param.value().isEmpty()) {
        componentSchema = componentSchema.description(param.value());
      }
      schema = schema.property(component.getName(), componentSchema);
      boolean isRequired = param == null || param.required();
      if (!isRequired && component.getType().isPrimitive()) {
        throw new IllegalArgumentException(
            where + ": optional record component " + component.getName() + " cannot be primitive");
      }
      if (isRequired) {
        required.add(component.getName());
      }
    }
    visiting.remove(record);
    return required.isEmpty() ? schema : schema.required(required.toArray(String[]::new));
  }

  private static Constructor<?> canonicalConstructor(
      Class<?> record, RecordComponent[] components) {
    Class<?>[] types =
        Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new);
    try {
      return record.getDeclaredConstructor(types);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("record without canonical constructor: " + record, e);
    }
  }

  private static boolean isAnything(Type type) {
    if (Object.class.equals(type)) {
      return true;
    }
    return type instanceof WildcardType w
        && w.getLowerBounds().length == 0
        && Arrays.equals(w.getUpperBounds(), new Type[] {Object.class});
  }

  private IllegalArgumentException unsupported(Type type, @Nullable String why) {
    return new IllegalArgumentException(
        where
            + " has unsupported type "
            + type.getTypeName()
            + (why == null ? "" : " (" + why + ")")
            + "; supported: String, integers, floating-point numbers, boolean, enums, records,"
            + " List/Set/Collection/arrays of those, Map<String, ?>");
  }
}
