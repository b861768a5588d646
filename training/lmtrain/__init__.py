"""Tokenprism's tiny language models: model, data, training loop, evaluation, export, cards."""
