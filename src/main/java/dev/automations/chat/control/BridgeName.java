package dev.automations.chat.control;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a {@link ChatBridge} implementation for {@code automations.chat.bridge}. Features above {@code chat} (the
 * Coder bridge) register themselves by this name, so {@code chat} selects them without importing them.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface BridgeName {

    String value();

    final class Literal extends AnnotationLiteral<BridgeName> implements BridgeName {

        private final String value;

        public Literal(String value) {
            this.value = value;
        }

        @Override
        public String value() {
            return value;
        }
    }
}
