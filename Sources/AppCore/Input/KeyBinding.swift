/// One row of the key table: the keys, what they do, and how the status bar
/// and the help screen describe them.
public struct KeyBinding: Hashable, Sendable {
    /// Key names as `TerminalUI.Key.name` spells them: "Up", "k", "Ctrl-C".
    public var keys: [String]
    public var command: Command
    /// A few words for the help screen.
    public var summary: String
    /// The shortest label for the status bar, or nil to leave it out there:
    /// `("↑↓", "move")`.
    public var statusLabel: (keys: String, action: String)?

    public init(keys: [String], command: Command, summary: String, statusLabel: (keys: String, action: String)? = nil) {
        self.keys = keys
        self.command = command
        self.summary = summary
        self.statusLabel = statusLabel
    }

    public static func == (lhs: KeyBinding, rhs: KeyBinding) -> Bool {
        lhs.keys == rhs.keys && lhs.command == rhs.command && lhs.summary == rhs.summary
            && lhs.statusLabel?.keys == rhs.statusLabel?.keys && lhs.statusLabel?.action == rhs.statusLabel?.action
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(keys)
        hasher.combine(command)
    }
}
