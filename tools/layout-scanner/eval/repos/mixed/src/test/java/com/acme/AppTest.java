package com.acme;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.junit.jupiter.api.Test;

class AppTest {
    @Test
    void main_runs_without_arguments() {
        assertDoesNotThrow(() -> App.main(new String[0]));
    }
}
