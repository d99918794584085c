# Builds and runs Leadflow against an external PostgreSQL (see docker-compose.yml).
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests -pl leads-app -am package

FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 leadflow
USER leadflow
COPY --from=build /src/leads-app/target/leads-app-exec.jar /app/leads-app.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/leads-app.jar"]
