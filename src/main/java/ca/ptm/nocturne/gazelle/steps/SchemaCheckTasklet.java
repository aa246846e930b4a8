package ca.ptm.nocturne.gazelle.steps;

import ca.ptm.nocturne.gazelle.sync.LiveColumns;
import ca.ptm.nocturne.gazelle.sync.SchemaDriftException;
import java.util.List;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** First step of the sync: the live tables must have every column the sync writes, or nothing is written. */
public class SchemaCheckTasklet implements Tasklet {

    private final LiveColumns liveColumns;

    public SchemaCheckTasklet(LiveColumns liveColumns) {
        this.liveColumns = liveColumns;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        List<String> missing = liveColumns.missing();
        if (!missing.isEmpty()) {
            throw new SchemaDriftException(missing);
        }
        return RepeatStatus.FINISHED;
    }
}
