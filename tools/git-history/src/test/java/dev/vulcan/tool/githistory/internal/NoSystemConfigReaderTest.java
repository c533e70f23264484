package dev.vulcan.tool.githistory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.Test;

/** The command line's JGit system reader: no system-wide config, everything else delegated. */
class NoSystemConfigReaderTest {

    @Test
    void gives_an_empty_system_config_that_loads_nothing() throws Exception {
        NoSystemConfigReader reader = new NoSystemConfigReader(SystemReader.getInstance());

        FileBasedConfig config = reader.openSystemConfig(new Config(), FS.DETECTED);
        config.load();

        assertThat(config.getSections()).isEmpty();
        assertThat(config.isOutdated()).isFalse();
        assertThat(reader.getenv("PATH")).isEqualTo(SystemReader.getInstance().getenv("PATH"));
    }

    @Test
    void rejects_a_missing_delegate() {
        assertThatThrownBy(() -> new NoSystemConfigReader(null)).isInstanceOf(NullPointerException.class);
    }
}
