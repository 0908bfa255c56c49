import ArgumentParser
import Foundation
import Portal

@main
struct PortalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portal",
        abstract: "Builds the safeguarding board's website from its Markdown pages.",
        discussion: """
            Write pages as .md files in the Content folder, then run `portal build`. The finished \
            website appears in the Site folder. If anything is wrong, nothing is changed and every \
            problem is listed with its file, line and what to do.
            """,
        version: PortalVersion.current,
        subcommands: [InitCommand.self, BuildCommand.self, ServeCommand.self, NewCommand.self, CheckCommand.self, ThemeCommand.self],
        defaultSubcommand: BuildCommand.self)
}
