import DeckKit
import StudyCore

/// The "what changed" half of `update`: open the list (`c`), move in it,
/// re-link a doubtful change to a candidate (`1`-`9`) or gone progress to any
/// fact chosen in a picker (`r`), undo a re-link or discard gone progress
/// (`d`), and take what the store did.
extension AppUpdate {
    static func showChanges(_ state: inout AppState) {
        state.screen = .changes(ChangesViewState(changes: state.notesChanges))
        state.overlay = nil
    }

    static func moveInChanges(_ command: Command, _ state: inout AppState) {
        guard var view = state.screen.changes, !view.items.isEmpty else { return }
        if var picker = view.picker {
            // A page of the picker: the pane less its heading and query lines.
            let page = max(1, state.layout.detail.innerHeight - 6)
            picker.selected = moved(picker.selected, by: command, page: page, last: max(0, picker.matches.count - 1))
            view.picker = picker
            state.screen = .changes(view)
            return
        }
        switch command {
        case .moveUp: view.selected = max(0, view.selected - 1)
        case .moveDown: view.selected = min(view.items.count - 1, view.selected + 1)
        case .moveToFirst: view.selected = 0
        case .moveToLast: view.selected = view.items.count - 1
        default: break
        }
        state.screen = .changes(view)
    }

    /// `1`-`9` on a change to confirm: its progress goes to that candidate.
    static func confirmChange(_ number: Int, _ state: inout AppState) -> [Effect] {
        guard let view = state.screen.changes, view.items.indices.contains(view.selected),
              case .toConfirm(let old, let candidates) = view.items[view.selected],
              candidates.indices.contains(number - 1) else { return [] }
        return [.relinkByHand(old: old.id, new: candidates[number - 1], reason: "confirmed", at: state.now)]
    }

    // MARK: - Re-linking by hand to any fact (`r`)

    /// `r` on gone progress (or a change to confirm): a picker of every fact
    /// of the deck the old fact was in, in tree order, to narrow by typing.
    static func openFactPicker(_ state: inout AppState) {
        guard var view = state.screen.changes, view.items.indices.contains(view.selected) else { return }
        let old: KnownFact
        switch view.items[view.selected] {
        case .gone(let fact), .toConfirm(let fact, _): old = fact
        case .relinked, .settled, .deckRenamed: return
        }
        let deck = old.topicPath.first.flatMap { title in state.decks.firstIndex { $0.title == title } }
        view.picker = FactPicker(old: old, deck: deck, matches: [])
        state.screen = .changes(view)
        refreshPicker(&state)
    }

    /// A character typed into the picker's filter.
    static func typeInPicker(_ text: String, _ state: inout AppState) {
        guard var view = state.screen.changes, view.picker != nil else { return }
        view.picker?.query += text
        state.screen = .changes(view)
        refreshPicker(&state)
    }

    /// Backspace in the picker's filter.
    static func eraseInPicker(_ state: inout AppState) {
        guard var view = state.screen.changes, let query = view.picker?.query, !query.isEmpty else { return }
        view.picker?.query.removeLast()
        state.screen = .changes(view)
        refreshPicker(&state)
    }

    /// The picker's facts for its query: the search's own index and folding
    /// (a fact's text, case and accents ignored), kept to the picker's deck;
    /// every fact of the deck while nothing is typed. The first is highlighted.
    private static func refreshPicker(_ state: inout AppState) {
        guard var view = state.screen.changes, var picker = view.picker else { return }
        let decks = state.decks
        if picker.query.isEmpty {
            let roots = picker.deck.map { [decks[$0].root] } ?? decks.map(\.root)
            picker.matches = roots.flatMap { factIDs(under: $0) }
        } else {
            if state.searchIndex == nil { state.searchIndex = SearchIndex(decks: decks) }
            let found = state.searchIndex?.matches(for: picker.query) ?? []
            picker.matches = found.compactMap { match in
                guard let index = match.factIndex, picker.deck.map({ $0 == match.path.indices.first }) ?? true,
                      let facts = decks.node(at: match.path)?.facts, facts.indices.contains(index) else { return nil }
                return facts[index].id
            }
        }
        picker.selected = 0
        view.picker = picker
        state.screen = .changes(view)
    }

    /// Enter in the picker: the old progress goes to the highlighted fact,
    /// through the store (which refuses a fact with progress of its own).
    /// The picker stays open until the store has answered.
    static func relinkToPickedFact(_ state: inout AppState) -> [Effect] {
        guard let picker = state.screen.changes?.picker, let id = picker.selectedFact,
              let path = state.factPaths[id], let text = factText(id, in: state) else { return [] }
        let new = KnownFact(id: id, text: text, topicPath: state.decks.titles(along: path))
        return [.relinkByHand(old: picker.old.id, new: new, reason: "by hand", at: state.now)]
    }

    /// Esc in the picker: back to the list, nothing done.
    static func cancelFactPicker(_ state: inout AppState) {
        guard var view = state.screen.changes else { return }
        view.picker = nil
        state.screen = .changes(view)
    }

    /// The store would not move the progress: the fact chosen has progress
    /// of its own (a card, or answers in practice), or the old progress is
    /// no longer where it was (another window moved or discarded it).
    static func relinkRefused(old: FactID, new: KnownFact, _ state: inout AppState) {
        state.message = StatusMessage("not re-linked: “\(new.text)” has progress of its own, "
                                      + "or the old progress is no longer there", kind: .error, at: state.now)
    }

    /// `d`: a re-link is undone; gone progress is discarded (its card; the
    /// reviews stay in the log); a change to confirm is left gone.
    static func discardChange(_ state: inout AppState) -> [Effect] {
        guard var view = state.screen.changes, view.items.indices.contains(view.selected) else { return [] }
        switch view.items[view.selected] {
        case .relinked(let link, _):
            return [.undoRelink(link)]
        case .gone(let old):
            view.items[view.selected] = .settled(old: old.text, outcome: "progress discarded")
            state.screen = .changes(view)
            state.progress[old.id] = nil
            state.refreshNodeProgress()
            return [.saveCards([CardSnapshot(factID: old.id, deck: old.topicPath.first ?? "", card: nil)])]
        case .toConfirm(let old, _):
            view.items[view.selected] = .gone(old: old)
            state.screen = .changes(view)
        case .settled, .deckRenamed:
            break
        }
        return []
    }

    /// The store moved progress to a new id: in memory too, and the line says so.
    static func factsRelinked(_ links: [FactLink], _ state: inout AppState) {
        for link in links {
            if var card = state.progress.removeValue(forKey: link.old) {
                card.factID = link.new
                state.progress[link.new] = card
            }
            guard var view = state.screen.changes else { continue }
            let text = factText(link.new, in: state) ?? link.new.rawValue
            for (index, item) in view.items.enumerated() {
                switch item {
                case .toConfirm(let old, _) where old.id == link.old, .gone(let old) where old.id == link.old:
                    view.items[index] = .relinked(link, newText: text)
                default:
                    break
                }
            }
            if view.picker?.old.id == link.old { view.picker = nil }
            state.screen = .changes(view)
        }
        state.notesChanges.links += links
        state.refreshNodeProgress()
    }

    /// The store put a re-link back: the progress is under the old id again.
    static func relinkUndone(_ link: FactLink, _ state: inout AppState) {
        if var card = state.progress.removeValue(forKey: link.new) {
            card.factID = link.old
            state.progress[link.old] = card
        }
        if var view = state.screen.changes {
            for (index, item) in view.items.enumerated() {
                if case .relinked(let made, _) = item, made.id == link.id {
                    view.items[index] = .settled(old: link.oldText, outcome: "re-link undone: its progress is kept apart")
                }
            }
            state.screen = .changes(view)
        }
        state.notesChanges.links.removeAll { $0.id == link.id }
        state.refreshNodeProgress()
    }
}
