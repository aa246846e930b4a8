# Nocturne as a container, built from the jar: ./mvnw -q package -DskipTests && docker build -t nocturne .
# In a container, use an external PostgreSQL (SPRING_DATASOURCE_URL): the embedded one needs a non-root user.
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY target/nocturne.jar /app/nocturne.jar
COPY jobs /app/jobs
ENTRYPOINT ["java", "-jar", "/app/nocturne.jar"]
CMD ["run", "nightly"]
