package vn.motcua.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The role's appliance.conf.j2 rendered by Ansible itself (its template module, locally: no SSH, no device)
 * from the role's defaults plus an office with every optional device (service buttons, an evdev reader, a
 * printer with its own layout) equals the golden file beside the inventory. The appliance's
 * DeviceConfigStrictTest loads that same golden file through its config and device checks, so a template
 * change that renders a key the appliance refuses fails one of the two.
 */
class RenderedConfigTest {
    static final Path RESOURCES = Paths.repo().resolve("provisioning/src/test/resources/render");

    @Test
    void anOfficeWithButtonsAnEvdevReaderAndATicketLayoutRendersTheGoldenConfig(@TempDir Path tmp) throws Exception {
        Path role = Paths.repo().resolve("provisioning/ansible/roles/motcua");
        Path out = tmp.resolve("appliance.conf");
        Proc p = Proc.run(tmp, Proc.Duration.ofSeconds(120), Map.of("ANSIBLE_LOCAL_TEMP", tmp.resolve("ansible").toString(),
                "ANSIBLE_NOCOLOR", "1"), List.of("ansible", "localhost", "-i", "localhost,", "-c", "local",
                "-m", "ansible.builtin.template", "-a", "src=" + role.resolve("templates/appliance.conf.j2") + " dest=" + out,
                "-e", "@" + role.resolve("defaults/main.yml"), "-e", "@" + RESOURCES.resolve("office.yml")));
        assertEquals(0, p.exitCode(), p.output());
        assertEquals(Files.readString(RESOURCES.resolve("appliance.conf")), Files.readString(out),
                "rendered config differs from provisioning/src/test/resources/render/appliance.conf");
    }
}
