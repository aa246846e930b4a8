package ca.ptm.nocturne.operations.remote;

import ca.ptm.nocturne.gazelle.partition.SliceTotals;
import ca.ptm.nocturne.gazelle.partition.TimelinePlan;
import ca.ptm.nocturne.gazelle.partition.TimelineSlicing;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.BeanFactoryStepLocator;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilder;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Remote partitioning of the timeline step over RabbitMQ, with Spring Batch Integration: the night's process runs
 * the manager step (it splits the history into slices, publishes one request per slice and polls the job repository
 * until every slice has ended), and {@code worker} processes run the slices. Only with
 * {@code nocturne.partitioning.mode=remote}; otherwise nothing here exists and nothing connects to a broker.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "nocturne.partitioning.mode", havingValue = PartitioningProperties.REMOTE)
class RemotePartitioningConfiguration {

    @Bean(destroyMethod = "destroy")
    CachingConnectionFactory sliceBrokerConnections(PartitioningProperties properties) {
        CachingConnectionFactory connections = new CachingConnectionFactory(properties.rabbitmqUri());
        connections.setConnectionNameStrategy(factory -> "nocturne-" + ProcessHandle.current().pid());
        return connections;
    }

    @Bean
    RabbitTemplate sliceBroker(CachingConnectionFactory sliceBrokerConnections) {
        return new RabbitTemplate(sliceBrokerConnections);
    }

    /** {@code /actuator/health} "broker": the broker answers (serve with remote nights; a worker's log says the same). */
    @Bean("broker")
    BrokerHealthIndicator brokerHealthIndicator(RabbitTemplate sliceBroker, PartitioningProperties properties) {
        return new BrokerHealthIndicator(sliceBroker, properties);
    }

    @Bean
    SliceRequests sliceRequests(RabbitTemplate sliceBroker, PartitioningProperties properties) {
        return new SliceRequests(sliceBroker, properties.queue());
    }

    /** Replaces the thread-pool timeline step: same name, plan and totals, partitions sent to the workers. */
    @Bean
    Step gazelleTimeline(JobRepository jobRepository, TimelinePlan timelinePlan, SliceRequests sliceRequests,
                         PartitioningProperties properties, BeanFactory beanFactory) {
        return new RemotePartitioningManagerStepBuilder(TimelineSlicing.MANAGER_STEP, jobRepository)
                .partitioner(TimelineSlicing.WORKER_STEP, timelinePlan)
                .outputChannel(sliceRequests)
                .pollInterval(properties.pollInterval().toMillis())
                .timeout(properties.timeout().toMillis())
                .beanFactory(beanFactory)
                .aggregator(new SliceTotals(jobRepository))
                .listener(timelinePlan)
                .build();
    }

    @Bean
    SliceWorker sliceWorker(RabbitTemplate sliceBroker, SliceRequests sliceRequests, JobRepository jobRepository,
                            PartitioningProperties properties, BeanFactory beanFactory) {
        BeanFactoryStepLocator steps = new BeanFactoryStepLocator();
        steps.setBeanFactory(beanFactory);
        StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
        handler.setJobRepository(jobRepository);
        handler.setStepLocator(steps);
        return new SliceWorker(sliceBroker, sliceRequests, jobRepository, handler, properties);
    }
}
