/// The key table: the one list that drives `update`, the status bar and help.
///
///     KeyMap.standard.command(for: "j")   // .moveDown
public struct KeyMap: Hashable, Sendable {
    public var bindings: [KeyBinding]
    private var commandsByKey: [String: Command]

    public init(bindings: [KeyBinding]) {
        self.bindings = bindings
        var table: [String: Command] = [:]
        for binding in bindings {
            for key in binding.keys where table[key] == nil { table[key] = binding.command }
        }
        commandsByKey = table
    }

    /// The command a key name is bound to, if any.
    public func command(for key: String) -> Command? {
        commandsByKey[key]
    }

    /// The keys of the tree view. Ctrl-C normally arrives as SIGINT, which the
    /// run loop turns into a clean quit; it is listed so help shows it.
    public static let standard = KeyMap(bindings: [
        KeyBinding(keys: ["Up", "k"], command: .moveUp, summary: "select the row above",
                   statusLabel: ("↑↓", "move")),
        KeyBinding(keys: ["Down", "j"], command: .moveDown, summary: "select the row below"),
        KeyBinding(keys: ["PgUp"], command: .pageUp, summary: "up one page"),
        KeyBinding(keys: ["PgDn"], command: .pageDown, summary: "down one page"),
        KeyBinding(keys: ["Home", "g"], command: .moveToFirst, summary: "first row"),
        KeyBinding(keys: ["End", "G"], command: .moveToLast, summary: "last row"),
        KeyBinding(keys: ["Left", "h"], command: .collapse, summary: "fold the node, or go to its parent",
                   statusLabel: ("←→", "fold")),
        KeyBinding(keys: ["Right", "l"], command: .expand, summary: "unfold the node, or go to its first child"),
        KeyBinding(keys: ["Enter"], command: .toggle, summary: "fold or unfold the node",
                   statusLabel: ("Enter", "toggle")),
        KeyBinding(keys: ["q", "Ctrl-C"], command: .quit, summary: "quit", statusLabel: ("q", "quit")),
    ])
}
