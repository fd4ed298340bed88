# Convention ENT: built from the sources, run on the `postgres` profile.
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY bpmn bpmn
COPY forms forms
COPY src/main src/main
RUN mvn -B -q -o package -DskipTests

FROM eclipse-temurin:17.0.13_11-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl fonts-liberation fonts-dejavu-core fontconfig && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 1001 --home-dir /app convention \
    && mkdir -p /app/data && chown -R convention /app
WORKDIR /app
COPY --from=build /src/target/convention-ent-*.jar /app/convention-ent.jar
# numeric, so that the platform can check it is not root without reading /etc/passwd
USER 1001
# SerialGC: what the JVM picks by itself in a container of less than 1.8 GB (docker-compose.yml: 1536m), said
# explicitly so that the image behaves the same wherever it runs; MemoryBenchmark measures with these flags.
ENV SPRING_PROFILES_ACTIVE=postgres \
    SERVER_ADDRESS=0.0.0.0 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -Duser.timezone=Europe/Paris"
EXPOSE 8080
VOLUME /app/data
ENTRYPOINT ["java", "-jar", "/app/convention-ent.jar"]
