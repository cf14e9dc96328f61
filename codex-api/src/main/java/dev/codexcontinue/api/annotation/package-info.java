/** Annotations shared by every module: nullness defaults and stability markers. */
package dev.codexcontinue.api.annotation;
