package dev.outlay.model;

/** FOCUS 1.2 ServiceCategory (allowed values of the 1.2 requirements model). */
public enum ServiceCategory implements FocusValue {
    AI_AND_MACHINE_LEARNING("AI and Machine Learning"),
    ANALYTICS("Analytics"),
    BUSINESS_APPLICATIONS("Business Applications"),
    COMPUTE("Compute"),
    DATABASES("Databases"),
    DEVELOPER_TOOLS("Developer Tools"),
    MULTICLOUD("Multicloud"),
    IDENTITY("Identity"),
    INTEGRATION("Integration"),
    INTERNET_OF_THINGS("Internet of Things"),
    MANAGEMENT_AND_GOVERNANCE("Management and Governance"),
    MEDIA("Media"),
    MIGRATION("Migration"),
    MOBILE("Mobile"),
    NETWORKING("Networking"),
    SECURITY("Security"),
    STORAGE("Storage"),
    WEB("Web"),
    OTHER("Other");

    private final String focusValue;

    ServiceCategory(String focusValue) {
        this.focusValue = focusValue;
    }

    @Override
    public String focusValue() {
        return focusValue;
    }

    public static ServiceCategory parse(String text) {
        return FocusValue.parse(ServiceCategory.class, text);
    }
}
