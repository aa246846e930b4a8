package ca.ptm.nocturne.gazelle.exports;

/** Header names of the Gazelle exports, as Gazelle writes them (DOMAIN.md, "Legacy export files" 4 to 7). */
final class ExportHeaders {

    static final String CLIENT_ID = "Client ID";
    static final String STATUS = "Status";
    static final String COMPANY_NAME = "Company Name";
    static final String CONTACT_FIRST_NAME = "Default Contact First Name";
    static final String CONTACT_LAST_NAME = "Default Contact Last Name";
    static final String CONTACT_CITY = "Default Contact Default City";
    static final String CONTACT_POSTAL_CODE = "Default Contact Default Postal Code";
    static final String CONTACT_EMAIL = "Default Contact Default Email";
    static final String CONTACT_PHONE = "Default Contact Default Phone";
    static final String CLIENT_TYPE = "Client Type";
    static final String LOCALE = "Locale";
    static final String CREATED = "Created";
    static final String UPDATED = "Updated";

    static final String PIANO_ID = "Piano ID";
    static final String TYPE = "Type";
    static final String MAKE = "Make";
    static final String MODEL = "Model";
    static final String SERIAL_NUMBER = "Serial Number";
    static final String LOCATION = "Location";
    static final String YEAR = "Year";
    static final String PIANO_STATUS = "Piano Status";
    static final String TUNING_INTERVAL = "Tuning Interval (mo)";
    static final String LAST_TUNED = "Last Tuned";
    static final String DAMPP_CHASER_INSTALLED = "Dampp Chaser Installed";
    static final String TAGS = "Tags";

    static final String EVENT_ID = "Event ID";
    static final String TITLE = "Title";
    static final String START = "Start";
    static final String TIMEZONE = "Timezone";
    static final String DURATION = "Duration (minutes)";
    static final String CLIENT = "Client";
    static final String USER_FIRST_NAME = "User First Name";
    static final String USER_LAST_NAME = "User Last Name";
    static final String CREATED_AT = "Created At";

    static final String TIMESTAMP = "Timestamp";
    static final String COMMENT = "Comment";
    static final String SYSTEM_MESSAGE = "System Message";
    static final String PIANO_TOKEN = "Piano Token";
    static final String CREATED_BY = "Created By";

    private ExportHeaders() {
    }
}
