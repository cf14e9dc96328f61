package dev.codexcontinue.core.tool;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one parameter of a {@link ToolMethod}, or one component of a record used as a parameter
 * type. Parameters without it are required and undescribed, and take their compiled names (compile
 * with {@code -parameters}, or name them here).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface ToolParam {
  /**
   * Returns the argument's name in the schema; empty means the compiled parameter name. Record
   * components keep their own names.
   */
  String name() default "";

  /** Returns the argument's description, as the model will read it. */
  String value() default "";

  /**
   * Returns whether the model must send the argument. An optional argument the model leaves out is
   * passed as {@code null} (or an empty {@link java.util.Optional}), so it cannot be a primitive.
   */
  boolean required() default true;
}
