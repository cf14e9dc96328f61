package dev.codexcontinue.core.tool;

import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.Nullable;

/** Turns the {@link ToolMethod}s of an object into tools; see {@link Tools#fromAnnotated}. */
final class AnnotatedTools {
  private AnnotatedTools() {}

  static List<Tool> of(Object instance) {
    Class<?> type = instance.getClass();
    rejectNonPublicToolMethods(type);
    List<Method> methods = new ArrayList<>();
    for (Method method : type.getMethods()) {
      if (method.isAnnotationPresent(ToolMethod.class) && !method.isBridge()) {
        methods.add(method);
      }
    }
    if (methods.isEmpty()) {
      throw new IllegalArgumentException(
          type.getName() + " has no public method annotated with @ToolMethod");
    }
    List<Tool> tools = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Method method : methods) {
      Tool tool = toolFor(instance, method);
      if (!names.add(tool.spec().name())) {
        throw new IllegalArgumentException(
            type.getName() + " declares two tools named '" + tool.spec().name() + "'");
      }
      tools.add(tool);
    }
    tools.sort(Comparator.comparing(t -> t.spec().name()));
    return List.copyOf(tools);
  }

  private static void rejectNonPublicToolMethods(Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Method method : c.getDeclaredMethods()) {
        if (method.isAnnotationPresent(ToolMethod.class)
            && !Modifier.isPublic(method.getModifiers())) {
          throw new IllegalArgumentException("@ToolMethod " + where(method) + " must be public");
        }
      }
    }
  }

  private static Tool toolFor(Object instance, Method method) {
    ToolMethod annotation = method.getAnnotation(ToolMethod.class);
    String name = annotation.name().isEmpty() ? method.getName() : annotation.name();
    if (annotation.value().isBlank()) {
      throw new IllegalArgumentException(
          "@ToolMethod " + where(method) + " needs a description (its value)");
    }
    if (!method.trySetAccessible()) {
      throw new IllegalArgumentException(
          "@ToolMethod " + where(method) + " is not accessible; open its package to codex-core");
    }
    List<Binding> bindings = new ArrayList<>();
    JsonSchema schema = JsonSchema.object();
    List<String> required = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Parameter parameter : method.getParameters()) {
      Binding binding = bind(method, parameter);
      bindings.add(binding);
      String argument = binding.name();
      if (argument == null) {
        continue;
      }
      if (!seen.add(argument)) {
        throw new IllegalArgumentException(
            where(method) + " has two parameters named '" + argument + "'");
      }
      JsonSchema parameterSchema =
          TypeSchemas.of(binding.valueType(), "parameter '" + argument + "' of " + where(method));
      if (!binding.description().isEmpty()) {
        parameterSchema = parameterSchema.description(binding.description());
      }
      schema = schema.property(argument, parameterSchema);
      if (binding.required()) {
        required.add(argument);
      }
    }
    if (!required.isEmpty()) {
      schema = schema.required(required.toArray(String[]::new));
    }
    return Tools.builder(name)
        .description(annotation.value())
        .parameters(schema)
        .permission(annotation.permission())
        .handler((args, context) -> invoke(instance, method, bindings, args, context))
        .build();
  }

  private static Binding bind(Method method, Parameter parameter) {
    if (ToolContext.class.equals(parameter.getType())) {
      return new Binding(null, ToolContext.class, false, false, "");
    }
    ToolParam param = parameter.getAnnotation(ToolParam.class);
    String name = param != null && !param.name().isEmpty() ? param.name() : null;
    if (name == null) {
      if (!parameter.isNamePresent()) {
        throw new IllegalArgumentException(
            where(method)
                + ": parameter names were not compiled in; compile with -parameters or name"
                + " each parameter with @ToolParam(name = ...)");
      }
      name = parameter.getName();
    }
    Type type = parameter.getParameterizedType();
    boolean optional = Optional.class.equals(parameter.getType());
    if (optional) {
      if (!(type instanceof ParameterizedType p)) {
        throw new IllegalArgumentException(
            where(method)
                + ": parameter '"
                + name
                + "' needs a type argument, as in Optional<String>");
      }
      type = p.getActualTypeArguments()[0];
    }
    boolean required = !optional && (param == null || param.required());
    if (!required && parameter.getType().isPrimitive()) {
      throw new IllegalArgumentException(
          where(method)
              + ": optional parameter '"
              + name
              + "' cannot be primitive; use its box (Integer, Long, ...)");
    }
    return new Binding(name, type, required, optional, param == null ? "" : param.value());
  }

  @Nullable
  private static Object invoke(
      Object instance,
      Method method,
      List<Binding> bindings,
      ToolArguments args,
      ToolContext context)
      throws Exception {
    Object[] values = new Object[bindings.size()];
    for (int i = 0; i < values.length; i++) {
      Binding b = bindings.get(i);
      String argument = b.name();
      if (argument == null) {
        values[i] = context;
        continue;
      }
      Object value = args.value(argument, b.valueType());
      values[i] = b.optional() ? Optional.ofNullable(value) : value;
    }
    Object result;
    try {
      result = method.invoke(Modifier.isStatic(method.getModifiers()) ? null : instance, values);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception exception) {
        throw exception;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw e;
    }
    return method.getReturnType() == void.class ? "ok" : result;
  }

  private static String where(Method method) {
    return method.getDeclaringClass().getSimpleName() + "." + method.getName();
  }

  /** How one method parameter is filled: from the argument {@code name}, or the context. */
  private record Binding(
      @Nullable String name,
      Type valueType,
      boolean required,
      boolean optional,
      String description) {}
}
