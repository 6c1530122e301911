/**
 * Popular packages of ML projects (and the tooling around them) that typosquatters imitate.
 * A requirement one edit away from one of these, and not itself a known package, is suspicious.
 */
export const POPULAR_PACKAGES: readonly string[] = [
  'torch', 'torchvision', 'torchaudio', 'torchtext', 'torchdata', 'torchmetrics', 'torchtriton', 'triton', 'pytorch-lightning', 'lightning',
  'tensorflow', 'tensorflow-gpu', 'tensorflow-cpu', 'tensorboard', 'tensorflow-datasets', 'tensorflow-hub', 'tf-keras', 'keras', 'jax', 'jaxlib', 'flax', 'optax',
  'numpy', 'scipy', 'pandas', 'polars', 'pyarrow', 'scikit-learn', 'scikit-image', 'sklearn', 'xgboost', 'lightgbm', 'catboost', 'statsmodels',
  'matplotlib', 'seaborn', 'plotly', 'pillow', 'opencv-python', 'opencv-python-headless', 'imageio', 'albumentations', 'timm',
  'transformers', 'tokenizers', 'datasets', 'accelerate', 'diffusers', 'peft', 'trl', 'evaluate', 'safetensors', 'huggingface-hub', 'sentence-transformers',
  'sentencepiece', 'tiktoken', 'openai', 'anthropic', 'langchain', 'langchain-core', 'langchain-community', 'llama-index', 'vllm', 'bitsandbytes', 'deepspeed',
  'xformers', 'flash-attn', 'onnx', 'onnxruntime', 'onnxruntime-gpu', 'tensorrt', 'openvino', 'einops', 'mlflow', 'wandb', 'gradio', 'streamlit',
  'spacy', 'nltk', 'gensim', 'librosa', 'soundfile', 'numba', 'cupy', 'dask', 'ray', 'optuna', 'hydra-core', 'omegaconf', 'protobuf', 'grpcio',
  'requests', 'urllib3', 'setuptools', 'pip', 'wheel', 'tqdm', 'pyyaml', 'jinja2', 'fastapi', 'uvicorn', 'pydantic', 'boto3', 'cryptography',
  'nvidia-cudnn-cu12', 'nvidia-cublas-cu12', 'nvidia-nccl-cu12', 'cuda-python', 'pytorch-triton',
];

/**
 * Real packages one edit away from a popular name: never reported as typosquats
 * (`scapy` is not `scipy`, `torchx` is PyTorch's own job launcher).
 */
export const KNOWN_NEIGHBOURS: readonly string[] = [
  'scapy', 'torchx', 'panda', 'keras2', 'jaxb', 'ray2', 'dash', 'task', 'mask', 'numpy2', 'pip2', 'pipx', 'wheels', 'tensorflow-io',
  'pydantic2', 'onnx2', 'requests2', 'six', 'spacy3', 'tritonclient', 'trio', 'ruff', 'onnxsim', 'peft2', 'lightning-utilities', 'polar', 'optuna2',
  'nltk3', 'datasets2', 'openai2', 'dataset', 'wandb2', 'grpc', 'pyaml', 'yaml',
  'jinja', 'fastapi2', 'xgboost2', 'jax2', 'flax2', 'uv', 'rich', 'daft',
];

/** Shortest popular name considered: shorter names have too many real neighbours. */
export const MIN_TYPOSQUAT_LENGTH = 4;
