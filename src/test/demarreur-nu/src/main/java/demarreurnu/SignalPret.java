package demarreurnu;

import java.lang.management.ManagementFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * On both JVMs' classpath, registered by META-INF/spring.factories: prints when the application is ready
 * (runners done), with the JVM's uptime, so that both are measured at the same moment of their start.
 */
public class SignalPret implements ApplicationListener<ApplicationReadyEvent> {

    public static final String MARQUE = "MESURE-PRET ";

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        System.out.println(MARQUE + ManagementFactory.getRuntimeMXBean().getUptime());
    }
}
