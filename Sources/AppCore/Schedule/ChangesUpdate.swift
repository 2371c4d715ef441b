import DeckKit
import StudyCore

/// The "what changed" half of `update`: open the list (`c`), move in it,
/// re-link a doubtful change to a candidate (`1`-`9`), undo a re-link or
/// discard gone progress (`d`), and take what the store did.
extension AppUpdate {
    static func showChanges(_ state: inout AppState) {
        state.screen = .changes(ChangesViewState(changes: state.notesChanges))
        state.overlay = nil
    }

    static func moveInChanges(_ command: Command, _ state: inout AppState) {
        guard var view = state.screen.changes, !view.items.isEmpty else { return }
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
        return [.relinkByHand(old: old.id, new: candidates[number - 1], at: state.now)]
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
        case .settled:
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
            for (index, item) in view.items.enumerated() {
                if case .toConfirm(let old, let candidates) = item, old.id == link.old {
                    let text = candidates.first { $0.id == link.new }?.text ?? link.new.rawValue
                    view.items[index] = .relinked(link, newText: text)
                }
            }
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
