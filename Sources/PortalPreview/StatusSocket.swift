import FlyingFox
import Foundation

/// `/__portal/socket`: each open page hears of every build the moment it ends (the status
/// as JSON, the same as `/__portal/status`), so it reloads, or shows the errors, at once
/// rather than at its next look. A page that stops listening ends its stream.
struct StatusSocket: WSMessageHandler {
    let board: StatusBoard
    /// The address of the page listening (`?page=`), written first by a rebuild.
    let page: String?

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let updates = await board.updates(page: page)
        return AsyncStream { continuation in
            let pushing = Task {
                for await status in updates { continuation.yield(.text(BuildStatus.json(status))) }
                continuation.finish()
            }
            // The page says nothing; its stream ends when it closes or goes.
            let listening = Task {
                for await _ in client {}
                pushing.cancel()
            }
            continuation.onTermination = { _ in
                pushing.cancel()
                listening.cancel()
            }
        }
    }
}

extension BuildStatus {
    /// The status as the pages read it, keys sorted so it reads the same each time.
    static func json(_ status: BuildStatus) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(status)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
