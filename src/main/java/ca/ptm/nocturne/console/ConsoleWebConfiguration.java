package ca.ptm.nocturne.console;

import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/**
 * The console speaks French (fr-CA) whatever the browser asks: labels from console/messages_fr.properties (UTF-8),
 * and a fixed locale. The basename "messages" is kept as a second source for any other bundle of the application.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class ConsoleWebConfiguration {

    public static final Locale LOCALE = Locale.CANADA_FRENCH;

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("console/messages", "messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(Locale.FRENCH);
        messages.setUseCodeAsDefaultMessage(false);
        return messages;
    }

    @Bean
    LocaleResolver localeResolver() {
        return new FixedLocaleResolver(LOCALE);
    }
}
