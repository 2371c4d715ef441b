/// Where the progress store lives: `--store PATH` when given, else
/// `$XDG_DATA_HOME/awsml-tui/progress.sqlite`, else
/// `~/.local/share/awsml-tui/progress.sqlite`.
///
///     StoreLocation.path(explicit: nil, environment: ["HOME": "/home/ana"])
///     // "/home/ana/.local/share/awsml-tui/progress.sqlite"
public enum StoreLocation {
    public static func path(explicit: String?, environment: [String: String]) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") {
            return dataHome + "/awsml-tui/progress.sqlite"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "."
        return home + "/.local/share/awsml-tui/progress.sqlite"
    }
}
