/* outer /* nested */ still comment */
fn main() {
    let s = r#"raw with "quotes" and /* marker"#;
    let c = '"'; // char
    let l: &'static str = "a // b";
    /// doc comment
}
