package ca.ptm.nocturne.operations.remote;

import com.rabbitmq.client.AMQP;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * {@code /actuator/health} component "broker" (remote partitioning only): the RabbitMQ broker answers, and how many
 * slice requests wait on the queue and how many workers listen. DOWN when the broker cannot be reached: a night's
 * timeline would wait for its slices until the timeout.
 */
class BrokerHealthIndicator extends AbstractHealthIndicator {

    private final RabbitTemplate rabbit;
    private final PartitioningProperties properties;

    BrokerHealthIndicator(RabbitTemplate rabbit, PartitioningProperties properties) {
        super("Broker health check failed");
        this.rabbit = rabbit;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        String version = rabbit.execute(channel -> String.valueOf(channel.getConnection().getServerProperties().get("version")));
        builder.up().withDetail("broker", properties.brokerDescription()).withDetail("version", version)
                .withDetail("queue", properties.queue());
        try {
            AMQP.Queue.DeclareOk queue = rabbit.execute(channel -> channel.queueDeclarePassive(properties.queue()));
            builder.withDetail("waitingSlices", queue.getMessageCount()).withDetail("listeningWorkers", queue.getConsumerCount());
        } catch (RuntimeException notDeclaredYet) {
            // The queue is declared at first use (a worker's start, a night's first slice): not a failure.
            builder.withDetail("waitingSlices", "file pas encore créée");
        }
    }
}
