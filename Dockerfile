# Nocturne as a container image, built from the jar (reproducible: the jar is built by Maven from the lock-step pom).
#   ./mvnw -q package -DskipTests && docker build -t nocturne .
# In a container Nocturne uses an external PostgreSQL (SPRING_DATASOURCE_URL); the embedded one is for bare machines.
FROM eclipse-temurin:17-jre
RUN useradd --system --create-home --home-dir /app nocturne && mkdir -p /data && chown nocturne /data
WORKDIR /app
COPY --chown=nocturne target/nocturne.jar /app/nocturne.jar
COPY --chown=nocturne jobs /app/jobs
COPY --chown=nocturne reports /app/reports
USER nocturne
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/nocturne.jar"]
CMD ["serve"]
