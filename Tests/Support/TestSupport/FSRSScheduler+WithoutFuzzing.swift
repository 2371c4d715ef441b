import StudyCore

extension FSRSScheduler {
    /// FSRS-6 with the standard parameters and no interval fuzz: the tests'
    /// scheduler, so the same answers always give the same due times.
    public static let withoutFuzzing: FSRSScheduler = {
        var configuration = SchedulerConfiguration.standard
        configuration.enableFuzzing = false
        return try! FSRSScheduler(configuration)
    }()
}
