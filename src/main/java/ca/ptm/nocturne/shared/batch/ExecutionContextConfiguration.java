package ca.ptm.nocturne.shared.batch;

import java.io.ObjectInputFilter;
import org.springframework.batch.core.repository.ExecutionContextSerializer;
import org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Batch 6 only deserialises JDK and Spring Batch classes from the job repository. Nocturne keeps a few
 * records of its own in execution contexts (the import manifest), so its package joins the allow-list; everything
 * else stays refused.
 */
@Configuration(proxyBeanMethods = false)
class ExecutionContextConfiguration {

    @Bean
    ExecutionContextSerializer executionContextSerializer() {
        DefaultExecutionContextSerializer serializer = new DefaultExecutionContextSerializer();
        String pattern = DefaultExecutionContextSerializer.DEFAULT_FILTER_PATTERN.replace(";!*", ";ca.ptm.nocturne.**;!*");
        serializer.setObjectInputFilter(ObjectInputFilter.Config.createFilter(pattern));
        return serializer;
    }
}
