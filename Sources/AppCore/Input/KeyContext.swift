/// Where a key binding applies. Bindings of the focused pane are looked up
/// first, then the global ones; while a search is typed or help is shown,
/// only their own bindings apply.
public enum KeyContext: String, Hashable, Sendable, CaseIterable {
    case global
    case tree
    case detail
    case searchInput
    case help

    /// The heading of this context on the help screen.
    public var title: String {
        switch self {
        case .global: "Everywhere"
        case .tree: "Topic tree"
        case .detail: "Fact detail"
        case .searchInput: "While typing a search"
        case .help: "This help"
        }
    }
}
