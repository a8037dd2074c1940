package dev.automations.automation.control;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a service method whose first parameter is an automation's {@code UUID}: the call proceeds only for a caller
 * §12 lets at that automation; anyone else gets 404, as if it did not exist.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface OwnedAutomation {
}
