# Build: docker build -t automations .   Run: docker run -p 8080:8080 -v automations-data:/app/data automations
# PostgreSQL: add -e AUTOMATIONS_DB_URL=… -e AUTOMATIONS_DB_USER=… -e AUTOMATIONS_DB_PASSWORD=…
# Heap: ./run's -Xmx256m (direct memory 384 MB) and parallel collector (the README's "Memory"); -e JAVA_OPTS=-Xmx1g overrides the heap.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY sql sql
COPY src src
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --home /app automations
WORKDIR /app
COPY --from=build /src/target/payara-micro.jar /src/target/automations.war target/
COPY --from=build /src/target/lib target/lib
COPY server-config server-config
COPY run run
RUN mkdir -p data && chown automations data
USER automations
ENV SKIP_BUILD=1
# Inside a container the published port reaches the process through its network interface, not loopback.
ENV BIND_ADDRESS=0.0.0.0
EXPOSE 8080
VOLUME /app/data
ENTRYPOINT ["./run"]
