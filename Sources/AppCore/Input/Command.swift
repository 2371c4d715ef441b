/// Something the user asks for, whatever key they used to ask.
public enum Command: String, Hashable, Sendable, CaseIterable {
    case moveUp, moveDown, pageUp, pageDown, moveToFirst, moveToLast
    case collapse, expand, toggle
    case quit
}
