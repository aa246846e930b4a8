package ca.ptm.nocturne.operations.remote;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.messaging.MessageChannel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The RabbitMQ side of Spring Batch Integration's requests: the manager's partition handler sends one
 * {@link StepExecutionRequest} per slice to this channel, which publishes it (persistent) on the queue; a worker
 * reads it back. On the wire a request is two fields of JSON, never a serialised Java object, so a worker executes
 * nothing but a step execution the job repository already holds.
 */
public final class SliceRequests implements MessageChannel {

    private final RabbitTemplate rabbit;
    private final String queue;
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile boolean declared;

    public SliceRequests(RabbitTemplate rabbit, String queue) {
        this.rabbit = rabbit;
        this.queue = queue;
    }

    /** Creates the durable queue if the broker does not have it yet; at first use, so that no other command needs a broker. */
    void declareQueue() {
        if (!declared) {
            new RabbitAdmin(rabbit).declareQueue(new Queue(queue, true));
            declared = true;
        }
    }

    @Override
    public boolean send(org.springframework.messaging.Message<?> message, long timeout) {
        if (!(message.getPayload() instanceof StepExecutionRequest request)) {
            throw new IllegalArgumentException("Only step execution requests travel on " + queue);
        }
        declareQueue();
        rabbit.send("", queue, encode(request));
        return true;
    }

    Message encode(StepExecutionRequest request) {
        byte[] body = json.writeValueAsString(Map.of("stepName", request.getStepName(),
                "stepExecutionId", request.getStepExecutionId())).getBytes(StandardCharsets.UTF_8);
        return MessageBuilder.withBody(body).setContentType(MessageProperties.CONTENT_TYPE_JSON)
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT).build();
    }

    StepExecutionRequest decode(Message message) {
        JsonNode node = json.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
        if (!node.path("stepName").isString() || !node.path("stepExecutionId").canConvertToLong()) {
            throw new IllegalArgumentException("Not a step execution request: " + node);
        }
        return new StepExecutionRequest(node.path("stepName").asString(), node.path("stepExecutionId").asLong());
    }
}
