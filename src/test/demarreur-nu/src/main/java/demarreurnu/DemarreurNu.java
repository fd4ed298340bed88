package demarreurnu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A Camunda Spring Boot starter with nothing of ours: what the application's memory is compared with. */
@SpringBootApplication
public class DemarreurNu {

    public static void main(String[] args) {
        SpringApplication.run(DemarreurNu.class, args);
    }
}
