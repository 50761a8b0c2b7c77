/**
 * Every command of `medium-publish`, in the order the help lists them. A new command is a module
 * exporting a `CliCommand` (see ../command.ts) and one line here.
 */

import type { CliCommand } from "../command";
import { convertCommand } from "./convert-command";
import { previewCommand } from "./preview-command";
import { publishCommand } from "./publish-command";

export const COMMANDS: readonly CliCommand[] = [publishCommand, convertCommand, previewCommand];
