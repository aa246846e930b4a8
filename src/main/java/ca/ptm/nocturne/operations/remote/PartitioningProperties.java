package ca.ptm.nocturne.operations.remote;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the partitions of the timeline step run. {@code local} (the default): on a thread pool of the process that
 * runs the night. {@code remote}: on worker processes ({@code nocturne.jar worker}, on this machine or others) that
 * take them from a RabbitMQ queue and share the night's PostgreSQL; the process that runs the night waits for them
 * by polling the job repository.
 *
 * @param rabbitmqUri   amqp://user:password@host:5672/vhost (environment only when it holds a password:
 *                      NOCTURNE_PARTITIONING_RABBITMQ_URI); never printed with its password
 * @param queue         the queue of slice requests, shared by the night and its workers
 * @param pollInterval  how often the night looks at the workers' progress in the job repository
 * @param timeout       how long the night waits for all its slices; a worker that died leaves its slice unfinished,
 *                      the step fails at the timeout and a restart sends the unfinished slices again
 * @param workerThreads slices one worker process reads at the same time
 */
@ConfigurationProperties("nocturne.partitioning")
public record PartitioningProperties(String mode, URI rabbitmqUri, String queue, Duration pollInterval, Duration timeout,
                                     int workerThreads) {

    public static final String REMOTE = "remote";

    public PartitioningProperties {
        mode = mode == null || mode.isBlank() ? "local" : mode;
        if (!mode.equals("local") && !mode.equals(REMOTE)) {
            throw new IllegalArgumentException("nocturne.partitioning.mode : « local » ou « remote » attendu, pas « " + mode + " »");
        }
        rabbitmqUri = rabbitmqUri == null ? URI.create("amqp://guest:guest@127.0.0.1:5672") : rabbitmqUri;
        queue = queue == null || queue.isBlank() ? "nocturne.timeline-slices" : queue;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        timeout = timeout == null ? Duration.ofHours(1) : timeout;
        workerThreads = workerThreads <= 0 ? 1 : workerThreads;
    }

    public boolean remote() {
        return REMOTE.equals(mode);
    }

    /** The broker's address for messages and logs: host, port and virtual host, never the credentials. */
    public String brokerDescription() {
        return rabbitmqUri.getHost() + ":" + (rabbitmqUri.getPort() < 0 ? 5672 : rabbitmqUri.getPort())
                + (rabbitmqUri.getPath() == null || rabbitmqUri.getPath().isEmpty() ? "/" : rabbitmqUri.getPath());
    }

    @Override
    public String toString() {
        return "PartitioningProperties[mode=" + mode + ", broker=" + brokerDescription() + ", queue=" + queue + ", credentials masked]";
    }
}
