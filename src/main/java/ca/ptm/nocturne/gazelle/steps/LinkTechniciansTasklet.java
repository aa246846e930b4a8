package ca.ptm.nocturne.gazelle.steps;

import ca.ptm.nocturne.reference.TechnicianDirectory;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Gives each technician its Gazelle user id, matching synced users by name through the alias table; a Gazelle user
 * no technician matches becomes a technician (the placeholder "À attribuer" included, flagged as such).
 */
public class LinkTechniciansTasklet implements Tasklet {

    private final JdbcTemplate jdbc;
    private final TechnicianDirectory technicians;

    public LinkTechniciansTasklet(JdbcTemplate jdbc, TechnicianDirectory technicians) {
        this.jdbc = jdbc;
        this.technicians = technicians;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        List<Map<String, Object>> users = jdbc.queryForList("""
                SELECT u.external_id, u.first_name, u.last_name FROM gazelle_users u
                WHERE NOT EXISTS (SELECT 1 FROM technician t WHERE t.gazelle_user_id = u.external_id) ORDER BY u.external_id""");
        for (Map<String, Object> user : users) {
            String id = (String) user.get("external_id");
            String first = (String) user.get("first_name");
            String last = (String) user.get("last_name");
            String fullName = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
            var known = technicians.resolve(fullName).or(() -> technicians.resolve(first == null ? "" : first))
                    .filter(t -> t.gazelleUserId() == null);
            if (known.isPresent()) {
                jdbc.update("UPDATE technician SET gazelle_user_id = ?, last_name = coalesce(last_name, ?) WHERE id = ?",
                        id, last, known.get().id());
            } else {
                jdbc.update("INSERT INTO technician (gazelle_user_id, first_name, last_name, is_placeholder) VALUES (?, ?, ?, ?)",
                        id, first == null ? fullName : first, last, "a attribuer".equals(ca.ptm.nocturne.imports.parsing.TextNormalizer.fold(fullName)));
            }
            contribution.incrementWriteCount(1);
        }
        return RepeatStatus.FINISHED;
    }
}
