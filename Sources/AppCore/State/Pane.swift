/// A pane that can have the keyboard focus.
public enum Pane: String, Hashable, Sendable, CaseIterable {
    case tree
    case detail
}
