package ca.ptm.nocturne.gazelle.partition;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Writes into each slice's context which process ran it ("host/pid/thread"): {@code jobs show} says where a slice ran,
 * and an admin looking for a worker that died knows which one.
 */
public class SliceRunnerStamp implements StepExecutionListener {

    public static final String RUNNER = "slice.runner";

    @Override
    public void beforeStep(StepExecution stepExecution) {
        stepExecution.getExecutionContext().putString(RUNNER, runner());
    }

    /** This process and thread, e.g. "atelier-2/48211/timeline-slice-3". */
    public static String runner() {
        return host() + "/" + ProcessHandle.current().pid() + "/" + Thread.currentThread().getName();
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "?";
        }
    }
}
