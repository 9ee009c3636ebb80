package vn.motcua.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code motcua-provision replace DEVICE} runs the ordinary playbook for that one device with the restore flag
 * (whose rendering RenderedConfigTest checks); the full run over SSH is ProvisionOverSshTest's, without the flag.
 * Checked on the command it builds, with the script's own functions: no ansible run, no device.
 */
class ReplaceCommandTest {
    @Test
    void replaceProvisionsOneDeviceWithTheRestoreFlag(@TempDir Path tmp) {
        assertEquals(List.of("--limit", "q1-bennghe-01", "-e", "motcua_restore_from_district=true", "--check"),
                tail(tmp, "['replace', '-i', 'offices.yml', 'q1-bennghe-01', '--check']"));
        assertEquals(List.of("--limit", "q1-bennghe-01"), tail(tmp, "['-i', 'offices.yml', '--limit', 'q1-bennghe-01']"),
                "an ordinary run sets no flag");
    }

    /** The ansible-playbook arguments after the fixed ones, in the order the script adds them, sorted for the check. */
    private static List<String> tail(Path tmp, String argv) {
        String script = Paths.repo().resolve("provisioning/motcua-provision").toString();
        Proc p = Proc.run(tmp, Proc.Duration.ofSeconds(60), Map.of(), List.of("python3", "-c",
                "from importlib.machinery import SourceFileLoader\n"
                        + "import importlib.util, sys\n"
                        + "loader = SourceFileLoader('motcua_provision', '" + script + "')\n"
                        + "spec = importlib.util.spec_from_loader(loader.name, loader)\n"
                        + "m = importlib.util.module_from_spec(spec); loader.exec_module(m)\n"
                        + "cmd = m.command(m.parse_args(" + argv + "), '/r')\n"
                        + "rest = cmd[cmd.index('motcua_report_dir=/r') + 1:]\n"
                        + "check = ['--check'] if '--check' in rest else []\n"
                        + "print('\\n'.join([a for a in rest if a != '--check'] + check))\n"));
        assertEquals(0, p.exitCode(), p.output());
        return p.output().lines().filter(l -> !l.isBlank()).toList();
    }
}
