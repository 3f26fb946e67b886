package io.countersign.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.countersign.CountersignApplication;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on the real embedded PostgreSQL, with the web server on a random port. Every
 * integration test uses exactly this, so they share one cached context and one database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = CountersignApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public @interface CountersignTest {
}
