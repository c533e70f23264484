from support_bot.agent import support_agent


def main() -> None:
    print("Support bot ready. Ctrl-D to quit.")
    while True:
        try:
            question = input("> ")
        except EOFError:
            break
        print(support_agent.run(question))


if __name__ == "__main__":
    main()
