# The ingest-service fat jar on a Java 17 runtime. Build the jar first (mvn -DskipTests package), then from the
# repository root: docker build -f infra/docker/ingest-service.Dockerfile -t newsevents/ingest-service .
# (infra/docker-compose.yml does both the context and the tag.)
FROM eclipse-temurin:17-jre

# curl for the health check; not every eclipse-temurin tag ships it.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin app

WORKDIR /app
COPY ingest-service/target/ingest-service.jar /app/ingest-service.jar
USER app

ENV MICRONAUT_SERVER_PORT=8080 \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080

HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${MICRONAUT_SERVER_PORT}/health" > /dev/null || exit 1

# exec: the JVM is PID 1 and gets SIGTERM directly, so its shutdown hooks drain consumers and the outbox.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/ingest-service.jar"]
