package com.acme;

class AppTest {
}
