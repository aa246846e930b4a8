package ca.ptm.nocturne.validation;

import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Service;

/**
 * {@code run validate}: the checks of a past run computed again against today's tables and stored with that run
 * (the latest verdict of each check is the one shown).
 */
@Service
public class Revalidation {

    private final ImportCountChecks imports;
    private final SyncCountChecks sync;
    private final CountCheckRepository repository;

    public Revalidation(ImportCountChecks imports, SyncCountChecks sync, CountCheckRepository repository) {
        this.imports = imports;
        this.sync = sync;
        this.repository = repository;
    }

    public List<CountCheck> recheck(JobExecution execution) {
        List<CountCheck> checks = new ArrayList<>(imports.checks(execution.getJobInstance().getInstanceId()));
        checks.addAll(sync.checks(execution.getJobInstance(), execution.getJobParameters().getString("source", "?")));
        checks.forEach(c -> repository.save(execution.getId(), execution.getJobInstance().getInstanceId(), c));
        return checks;
    }
}
