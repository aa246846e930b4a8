package ca.ptm.nocturne.operations.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The "broker" health component of remote partitioning against the RabbitMQ of these machines (127.0.0.1:5672, as
 * RemotePartitioningIntegrationTest uses it): UP with the queue's waiting slices and listening workers, DOWN when
 * the broker cannot be reached.
 */
class BrokerHealthIndicatorTest {

    @Test
    void upWithTheQueueWhenTheBrokerAnswersDownWhenItDoesNot() throws InterruptedException {
        String queue = "nocturne.health-test-" + ProcessHandle.current().pid();
        PartitioningProperties properties = properties("amqp://guest:guest@127.0.0.1:5672", queue);
        CachingConnectionFactory connections = new CachingConnectionFactory(properties.rabbitmqUri());
        try {
            RabbitTemplate rabbit = new RabbitTemplate(connections);
            BrokerHealthIndicator indicator = new BrokerHealthIndicator(rabbit, properties);
            Health before = indicator.health(true);
            assertThat(before.getStatus()).isEqualTo(Status.UP);
            assertThat(before.getDetails()).containsEntry("broker", "127.0.0.1:5672/").containsEntry("queue", queue)
                    .containsEntry("waitingSlices", "file pas encore créée");

            new SliceRequests(rabbit, queue).declareQueue();
            rabbit.convertAndSend("", queue, "{}");
            // A publish is asynchronous: the broker counts the message a moment later.
            Health after = indicator.health(true);
            for (int tries = 0; tries < 50 && !Integer.valueOf(1).equals(after.getDetails().get("waitingSlices")); tries++) {
                Thread.sleep(100);
                after = indicator.health(true);
            }
            assertThat(after.getStatus()).isEqualTo(Status.UP);
            assertThat(after.getDetails()).containsEntry("waitingSlices", 1).containsEntry("listeningWorkers", 0);
            new RabbitAdmin(connections).deleteQueue(queue);
        } finally {
            connections.destroy();
        }

        PartitioningProperties nowhere = properties("amqp://guest:guest@127.0.0.1:1", queue);
        CachingConnectionFactory dead = new CachingConnectionFactory(nowhere.rabbitmqUri());
        try {
            Health down = new BrokerHealthIndicator(new RabbitTemplate(dead), nowhere).health(true);
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        } finally {
            dead.destroy();
        }
    }

    private static PartitioningProperties properties(String uri, String queue) {
        return new PartitioningProperties(PartitioningProperties.REMOTE, URI.create(uri), queue, Duration.ofSeconds(1),
                Duration.ofMinutes(1), 1);
    }
}
