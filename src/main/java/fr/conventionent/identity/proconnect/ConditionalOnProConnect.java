package fr.conventionent.identity.proconnect;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/** ProConnect mode: an issuer is configured, directly (PROCONNECT_ISSUER) or by its environment (PROCONNECT_ENV). */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ConditionalOnExpression("!'${convention.proconnect.emetteur:}'.isBlank()"
        + " or !'${convention.proconnect.environnement:}'.isBlank()")
public @interface ConditionalOnProConnect {
}
