"""Kafka edge of Ringfence: the Faust app, topics, topic models and agents."""
