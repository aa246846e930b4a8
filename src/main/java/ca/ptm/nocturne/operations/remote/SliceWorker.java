package ca.ptm.nocturne.operations.remote;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;

/**
 * A worker process's loop: take one slice request from the queue when idle, run that step execution with Spring
 * Batch Integration's request handler (the worker step, its reader and writer, on the shared job repository), take
 * the next. A request is taken off the queue as it is read: a worker killed in the middle leaves its slice STARTED,
 * the night fails at its timeout and its restart sends the unfinished slices again. A request for a step execution
 * that is no longer waiting to start (a night already failed, stopped or abandoned) is dropped, never run.
 */
public class SliceWorker {

    private static final Logger log = LoggerFactory.getLogger(SliceWorker.class);
    private static final long RECEIVE_TIMEOUT_MILLIS = 1000;

    private final RabbitTemplate rabbit;
    private final SliceRequests requests;
    private final JobRepository jobRepository;
    private final StepExecutionRequestHandler handler;
    private final PartitioningProperties properties;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    public SliceWorker(RabbitTemplate rabbit, SliceRequests requests, JobRepository jobRepository,
                       StepExecutionRequestHandler handler, PartitioningProperties properties) {
        this.rabbit = rabbit;
        this.requests = requests;
        this.jobRepository = jobRepository;
        this.handler = handler;
        this.properties = properties;
    }

    public synchronized void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        requests.declareQueue();
        for (int i = 1; i <= properties.workerThreads(); i++) {
            Thread thread = new Thread(this::loop, "slice-worker-" + i);
            threads.add(thread);
            thread.start();
        }
        log.info("Slice worker listening on queue {} at {} with {} thread(s)", properties.queue(), properties.brokerDescription(),
                properties.workerThreads());
    }

    /** Takes no new request; waits for the slices in progress to end their current work. */
    public synchronized void stop() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        threads.clear();
    }

    private void loop() {
        while (running.get()) {
            Message message;
            try {
                message = rabbit.receive(properties.queue(), RECEIVE_TIMEOUT_MILLIS);
            } catch (RuntimeException brokerDown) {
                log.warn("Cannot read queue {} at {}: {}", properties.queue(), properties.brokerDescription(), brokerDown.getMessage());
                pause();
                continue;
            }
            if (message != null) {
                run(message);
            }
        }
    }

    void run(Message message) {
        StepExecutionRequest request;
        try {
            request = requests.decode(message);
        } catch (RuntimeException unreadable) {
            log.error("Dropped a message that is not a slice request: {}", unreadable.getMessage());
            return;
        }
        StepExecution waiting = jobRepository.getStepExecution(request.getStepExecutionId());
        if (waiting == null || waiting.getStatus() != BatchStatus.STARTING
                || !waiting.getJobExecution().getStatus().isRunning()) {
            log.warn("Dropped request for step execution {} ({}): it is not waiting to start ({})", request.getStepExecutionId(),
                    request.getStepName(), waiting == null ? "unknown" : waiting.getStatus() + ", job " + waiting.getJobExecution().getStatus());
            return;
        }
        log.info("Running {} (step execution {})", waiting.getStepName(), waiting.getId());
        StepExecution done = handler.handle(request);
        log.info("{} ended {} ({} read, {} written)", done.getStepName(), done.getStatus(), done.getReadCount(), done.getWriteCount());
    }

    private void pause() {
        try {
            Thread.sleep(RECEIVE_TIMEOUT_MILLIS * 5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }
}
